const { DataTypes } = require('sequelize');
const sequelize = require('./db');

const User = sequelize.define('user', {
  email: { type: DataTypes.STRING, allowNull: false },
});

const Cart = sequelize.define('cart', {
  total: DataTypes.DECIMAL(10, 2),
});

const Product = sequelize.define('product', {
  name: DataTypes.STRING,
  price: DataTypes.DECIMAL(10, 2),
});

module.exports = { User, Cart, Product };
