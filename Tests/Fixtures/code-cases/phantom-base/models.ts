import { Model, DataTypes, BelongsToGetAssociationMixin, Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');

export abstract class Audited extends Model {
  declare createdById: number;
  declare getCreator: BelongsToGetAssociationMixin<User>;
}

export class User extends Model {}
User.init({ email: DataTypes.STRING }, { sequelize, modelName: 'User' });

export class Invoice extends Audited {}
Invoice.init({ createdById: DataTypes.INTEGER }, { sequelize, modelName: 'Invoice' });
Invoice.belongsTo(User, { as: 'creator', foreignKey: 'createdById' });
User.hasMany(Invoice, { foreignKey: 'createdById' });
