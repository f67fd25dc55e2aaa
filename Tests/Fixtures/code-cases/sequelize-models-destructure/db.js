const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize(process.env.DB);
sequelize.define('User', { email: DataTypes.STRING });
sequelize.define('Post', { userId: DataTypes.INTEGER });
const { User, Post } = sequelize.models;
User.hasMany(Post, { foreignKey: 'userId' });
Post.belongsTo(User, { foreignKey: 'userId' });
module.exports = sequelize;
