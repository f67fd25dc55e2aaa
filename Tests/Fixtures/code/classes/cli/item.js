'use strict';
const { Model } = require('sequelize');

module.exports = (sequelize, DataTypes) => {
  class Item extends Model {
    static associate(models) {
      Item.belongsTo(models.Order);
    }
  }
  Item.init({
    sku: { type: DataTypes.STRING, allowNull: false },
    OrderId: { type: DataTypes.INTEGER, allowNull: false },
  }, { sequelize, modelName: 'Item' });
  return Item;
};
