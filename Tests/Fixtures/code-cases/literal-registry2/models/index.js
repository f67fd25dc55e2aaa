const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize(process.env.DB);
const models = {
  Tutorial: require('./tutorial')(sequelize, DataTypes),
  Comment: require('./comment')(sequelize, DataTypes),
};
Object.keys(models).forEach((name) => {
  if (models[name].associate) models[name].associate(models);
});
module.exports = { ...models, sequelize };
