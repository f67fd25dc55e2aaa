import { Model, DataTypes, Sequelize } from 'sequelize';
export class User extends Model {
  declare id: number;
}
export function initUser(sequelize: Sequelize) {
  User.init({ id: { type: DataTypes.INTEGER, primaryKey: true } }, { sequelize, tableName: 'users' });
}
