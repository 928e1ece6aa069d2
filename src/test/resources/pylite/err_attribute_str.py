'text'.push('x')
