const Sequelize = require('sequelize');
const sequelize = new Sequelize(process.env.DB);
const User = require('./user');
const Post = require('./post');
const models = {
  user: User.init(sequelize),
  post: Post.init(sequelize),
};
Object.values(models).forEach((model) => model.associate(models));
module.exports = { sequelize, ...models };
