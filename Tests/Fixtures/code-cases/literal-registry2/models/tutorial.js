module.exports = (sequelize, DataTypes) => {
  const Tutorial = sequelize.define('tutorial', { title: DataTypes.STRING });
  Tutorial.associate = (models) => {
    Tutorial.hasMany(models.Comment, { foreignKey: 'tutorialId' });
  };
  return Tutorial;
};
