import { Column, ForeignKey, Model, Table } from 'sequelize-typescript';
import { Player } from './player';
import { Group } from './group';

@Table({ tableName: 'player_groups' })
export class PlayerGroup extends Model {
  @ForeignKey(() => Player)
  @Column
  playerId!: number;

  @ForeignKey(() => Group)
  @Column
  groupId!: number;
}
