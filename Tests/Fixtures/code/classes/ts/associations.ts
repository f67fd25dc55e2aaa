import { Customer } from './customer';
import Cart from './cart';

// Two declarations that disagree on the key: Cart.customerId is declared, CustomerId is not.
Customer.hasMany(Cart, { foreignKey: 'customerId', as: 'carts' });
Cart.belongsTo(Customer);
