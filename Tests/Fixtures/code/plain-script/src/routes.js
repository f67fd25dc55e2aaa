const express = require('express');
const { User, Cart } = require('./models');

const router = express.Router();

router.get('/users/:id/cart', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  const cart = await user.getCart();
  res.json(cart);
});

router.get('/carts/:id/products', async (req, res) => {
  const cart = await Cart.findByPk(req.params.id);
  res.json(await cart.getProducts());
});

module.exports = router;
