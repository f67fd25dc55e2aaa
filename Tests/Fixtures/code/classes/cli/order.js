'use strict';
const { Model } = require('sequelize');

module.exports = (sequelize, DataTypes) => {
  class Order extends Model {
    static associate(models) {
      this.hasMany(models.Item, { as: 'items' });
    }

    total() {
      return 0;
    }
  }
  Order.init({ placedAt: DataTypes.DATE }, { sequelize, modelName: 'Order' });
  return Order;
};
