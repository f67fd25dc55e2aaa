import { Column, DataType, HasMany, HasOne, Model, Table } from 'sequelize-typescript';
import { Player } from './player';
import { Coach } from './coach';

@Table({ tableName: 'teams' })
export class Team extends Model {
  @Column(DataType.STRING(80))
  name!: string;

  @HasMany(() => Player)
  players!: Player[];

  @HasOne(() => Coach)
  coach?: Coach;
}
