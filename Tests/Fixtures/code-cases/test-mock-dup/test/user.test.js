const SequelizeMock = require('sequelize-mock');
const DBConnectionMock = new SequelizeMock();
const UserMock = DBConnectionMock.define('User', { email: 'test@example.com' });
test('finds', async () => {
  const user = await UserMock.findOne();
  expect(user.get('email')).toBe('test@example.com');
});
