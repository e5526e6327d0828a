import { type TaskStatus, taskStatusLabels } from '@fazhi/core/plan/task-lifecycle';
import { Tag } from 'antd';

const taskStatusColors: Record<TaskStatus, string> = {
  draft: 'default',
  issued: 'blue',
  in_progress: 'processing',
  applied: 'orange',
  closed: 'success',
};

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  return (
    <Tag color={taskStatusColors[status]} style={{ marginInlineEnd: 0 }}>
      {taskStatusLabels[status]}
    </Tag>
  );
}

export function OverdueTag() {
  return (
    <Tag color="red" style={{ marginInlineEnd: 0 }}>
      逾期
    </Tag>
  );
}
