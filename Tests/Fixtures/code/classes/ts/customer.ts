import {
  CreationOptional, DataTypes, HasManyGetAssociationsMixin, InferAttributes, InferCreationAttributes, Model,
} from 'sequelize';
import { sequelize } from './db';
import type { Cart } from './cart';

export class Customer extends Model<InferAttributes<Customer>, InferCreationAttributes<Customer>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare getCarts: HasManyGetAssociationsMixin<Cart>;
  declare getAddress: HasOneGetAssociationMixin<Address>;
}

Customer.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(128), allowNull: false },
  },
  { sequelize, tableName: 'customers' },
);
