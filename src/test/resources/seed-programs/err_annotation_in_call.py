for epoch in range(100):
    running_loss = 0.0
    for img, target in dataloader:
        output = net(img)
        loss_result = loss(output, target)
        optimizer.zero_grad()
        loss_result.backward()
        optimizer.step()
        running_loss += loss_result.item()
        steps += 1
        writer.add_image(tag: 'epoch_loss', loss_result, epoch)
        writer.add_scalar(tag: 'step_loss', loss_result, steps)
