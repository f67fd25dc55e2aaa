import { Model, DataTypes, BelongsToGetAssociationMixin } from 'sequelize';
@Table({ tableName: 'carts' })
export class Cart extends Model<InferAttributes<Cart>, InferCreationAttributes<Cart>> {
  declare id: CreationOptional<number>;
  declare getCustomer: BelongsToGetAssociationMixin<Customer>;
  @ForeignKey(() => Customer) @Column customerId!: number;
  @BelongsToMany(() => Label, () => CartLabel) labels?: Array<Label & { CartLabel: CartLabel }>;
  getShop = async function () { return null; };
  static associate(models: Record<string, typeof Model>): void { this.belongsTo(models.Customer); }
}
Cart.init({ id: { type: DataTypes.INTEGER, primaryKey: true } }, { sequelize, modelName: 'Cart' });
export default Cart;
