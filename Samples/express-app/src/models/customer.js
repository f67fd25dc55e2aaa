'use strict';

// The older sequelize-cli style: sequelize.define and an associate function.
module.exports = (sequelize, DataTypes) => {
  const Customer = sequelize.define('Customer', {
    email: { type: DataTypes.STRING, allowNull: false, unique: true },
    name: DataTypes.STRING,
  });

  Customer.associate = (models) => {
    Customer.hasMany(models.Order, { foreignKey: 'customerId', as: 'orders' });
  };

  return Customer;
};
