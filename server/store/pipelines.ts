import type { PipelineRecord } from '../../src/domain/world.js';
import type { Db } from '../db/connect.js';

/** All pipelines with their stages, in their configured order. */
export async function readPipelines(db: Db): Promise<PipelineRecord[]> {
  const pipelines = await db.selectFrom('pipelines').selectAll().orderBy('position').execute();
  const stages = await db.selectFrom('stages').selectAll().orderBy('pipeline_id').orderBy('position').execute();
  return pipelines.map((p) => ({
    id: p.id,
    label: p.label,
    stages: stages.filter((s) => s.pipeline_id === p.id).map((s) => ({ id: s.id, label: s.label, closed: s.closed === 1 })),
  }));
}

export async function insertPipelines(db: Db, pipelines: readonly PipelineRecord[]): Promise<void> {
  for (const [position, p] of pipelines.entries()) {
    await db.insertInto('pipelines').values({ id: p.id, label: p.label, position }).execute();
    for (const [index, s] of p.stages.entries()) {
      await db.insertInto('stages')
        .values({ pipeline_id: p.id, id: s.id, label: s.label, closed: s.closed ? 1 : 0, position: index })
        .execute();
    }
  }
}
