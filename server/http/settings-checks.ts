import type { FieldError } from '../../src/contract/errors.js';
import type { Settings } from '../../src/contract/settings.js';
import type { PipelineRecord } from '../../src/domain/world.js';

/**
 * Settings that name parts of the world: `defaultInbox` must be an inbox of the helpdesk; `actions.closedStageByPipeline` must map real pipelines to one of their
 * closed stages (closing a ticket must close it).
 */
export function worldProblems(settings: Settings, pipelines: readonly PipelineRecord[], inboxes: readonly string[]): FieldError[] {
  const problems: FieldError[] = [];
  if (!inboxes.includes(settings.defaultInbox)) {
    problems.push({ field: 'defaultInbox', message: `There is no inbox "${settings.defaultInbox}"; inboxes: ${inboxes.map((i) => `"${i}"`).join(', ')}.` });
  }
  settings.supportForm.fields.forEach((field, i) => {
    if (field.name !== 'pipeline') return;
    (field.options ?? []).forEach((option, j) => {
      if (!pipelines.some((p) => p.id === option.value)) {
        problems.push({ field: `supportForm.fields.${i}.options.${j}.value`, message: `There is no pipeline "${option.value}".` });
      }
    });
  });
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
