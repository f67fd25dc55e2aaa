const User = sequelize.define('User', { email: DataTypes.STRING });
async function check(id, field) {
  const user = await User.findByPk(id);
  return user.hasOwnProperty(field) || user.propertyIsEnumerable(field);
}
