// Options written twice keep their last value, as in JavaScript; extract writes each once.
const A = sequelize.define('A', {}), B = sequelize.define('B', {});
A.hasMany(B, { foreignkey: 'a', foreignkey: 'b', allowNull: true, allowNull: false, keyType: 'INTEGER', keyType: 'UUID' });
A.belongsToMany(B, { through: { model: 'AB', foreignKey: 'x', foreignKey: 'y' }, as: 'bs' });
