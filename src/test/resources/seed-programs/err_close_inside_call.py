for epoch in range(100):
    running_loss = 0.0
    for img, target in dataloader:
        img = img.cuda()
        target = target.cuda()
        output = net(img)
        loss_result = loss(output, target)
        optimizer.zero_grad()
        loss_result.backward()
        optimizer.step()
        running_loss += loss_result.item()
        running_loss1 += loss_result.item()
    steps += 1
    avg_epoch_loss = running_loss / len(dataloader)

    if steps % 100 == 0:
        avg_step_loss = running_loss1/100
        writer.add_scalar(tag='step_loss', avg_step_loss,
                          running_loss1=0.0
                          writer.close())
        writer.add_scalar(tag='epoch_loss', avg_epoch_loss, epoch)
        writer.close()
