import models from './models.js';

const { User, Cart, Product } = models;

// A user keeps every cart they ever filled (routes.js reads one as if there were one).
User.hasMany(Cart);
Cart.belongsTo(User);

Cart.belongsToMany(Product, { through: 'cart_items' });
Product.belongsToMany(Cart, { through: 'cart_items' });
