import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A known value encrypted with each key that has encrypted credentials here, so start-up
 * can tell at once whether the configured key is the right one.
 */
@Entity('secret_key_checks')
export class KeyCheck {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  keyId!: string;

  @Column({ type: 'text' })
  checkValue!: string;

  @CreateDateColumn()
  createdAt!: Date;
}
