import { AllowNull, BelongsTo, BelongsToMany, Column, ForeignKey, Model, Table } from 'sequelize-typescript';
import { Team } from './team';
import { Group } from './group';
import { PlayerGroup } from './player-group';

@Table
export class Player extends Model {
  @Column
  name!: string;

  @AllowNull(false)
  @ForeignKey(() => Team)
  @Column
  teamId!: number;

  @BelongsTo(() => Team)
  team!: Team;

  @BelongsToMany(() => Group, () => PlayerGroup)
  groups!: Group[];
}
