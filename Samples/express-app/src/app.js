'use strict';
const express = require('express');
const { sequelize } = require('./models');
const orders = require('./routes/orders');

const app = express();
app.use(express.json());
app.use('/orders', orders);

sequelize.sync().then(() => {
  app.listen(process.env.PORT || 3000);
});

module.exports = app;
