'use strict';
module.exports = (sequelize, DataTypes) => {
  const Invoice = sequelize.define('Invoice', {
    number: DataTypes.STRING,
    customerId: { type: DataTypes.UUID, allowNull: false },
  }, { paranoid: true, tableName: `Invoices` });
  Invoice.associate = function (models) {
    Invoice.belongsTo(models.Customer, { foreignKey: 'customerId', as: 'customer' });
    Invoice.hasMany(models.LineItem), { foreignKey: 'invoiceId' };
  };
  Invoice.prototype.getTotal = async function () { return /\d+/.test(this.number) ? 1 : 0; };
  return Invoice;
};
