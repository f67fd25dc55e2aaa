// Names extract must write back exactly, or leave out with a reason.
const A = sequelize.define('', { '': DataTypes.STRING, 'yes': { type: 'null' } });
const B = sequelize.define('A', {});
const C = sequelize.define('A', {});
const D = sequelize.define('x: y # z', { 'multi\nline': DataTypes.INTEGER }, { tableName: '~', modelName: '' });
class E extends Model {}
E.init({}, { sequelize, modelName: 'true' });
B.hasMany(C, { as: '', foreignKey: '' });
A.belongsToMany(D, { through: '' });
