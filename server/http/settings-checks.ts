import type { FieldError } from '../../src/contract/errors.js';
import type { Settings } from '../../src/contract/settings.js';
import type { PipelineRecord } from '../../src/domain/world.js';

/**
 * Settings that name parts of the world: `actions.closedStageByPipeline` must map real pipelines to one of their
 * closed stages (closing a ticket must close it).
 */
export function worldProblems(settings: Settings, pipelines: readonly PipelineRecord[]): FieldError[] {
  const problems: FieldError[] = [];
  for (const [pipelineId, stageId] of Object.entries(settings.actions.closedStageByPipeline)) {
    const field = `actions.closedStageByPipeline.${pipelineId}`;
    const pipeline = pipelines.find((p) => p.id === pipelineId);
    if (!pipeline) {
      problems.push({ field, message: `There is no pipeline "${pipelineId}".` });
      continue;
    }
    const stage = pipeline.stages.find((s) => s.id === stageId);
    const closed = pipeline.stages.filter((s) => s.closed).map((s) => `"${s.id}"`).join(', ') || 'none';
    if (!stage) problems.push({ field, message: `The pipeline "${pipelineId}" has no stage "${stageId}"; its closed stages: ${closed}.` });
    else if (!stage.closed) problems.push({ field, message: `"${stageId}" is an open stage; choose a closed stage of "${pipelineId}": ${closed}.` });
  }
  return problems;
}
