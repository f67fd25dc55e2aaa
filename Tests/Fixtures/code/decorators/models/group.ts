import { BelongsToMany, Column, Model, Table } from 'sequelize-typescript';
import { Player } from './player';
import { PlayerGroup } from './player-group';

@Table({ modelName: 'Group', paranoid: true })
export class Group extends Model {
  @Column
  title!: string;

  @BelongsToMany(() => Player, () => PlayerGroup)
  members!: Player[];
}
