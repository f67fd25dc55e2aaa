import { BelongsToGetAssociationMixin, DataTypes, Model } from 'sequelize';
import { sequelize } from './db';
import { Customer } from './customer';

class Cart extends Model {
  declare id: number;
  declare customerId: number | null;
  declare getCustomer: BelongsToGetAssociationMixin<Customer>;
}

Cart.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    customerId: { type: DataTypes.INTEGER, references: { model: 'customers', key: 'id' } },
  },
  { sequelize, modelName: 'Cart', tableName: 'carts' },
);

export default Cart;
