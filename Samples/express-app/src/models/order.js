'use strict';
const { Model } = require('sequelize');

// The current sequelize-cli style: a class with init and a static associate.
module.exports = (sequelize, DataTypes) => {
  class Order extends Model {
    static associate(models) {
      this.belongsTo(models.Customer, { foreignKey: 'customerId', as: 'customer' });
      this.hasMany(models.Item, { foreignKey: 'orderId', as: 'items', onDelete: 'CASCADE' });
    }

    async total() {
      const items = await this.getItems();
      return items.reduce((sum, item) => sum + item.priceCents * item.quantity, 0);
    }
  }

  Order.init({
    customerId: { type: DataTypes.INTEGER, allowNull: false },
    placedAt: DataTypes.DATE,
  }, { sequelize, modelName: 'Order' });

  return Order;
};
