import { Tag } from 'antd';

const gradeColors: Record<string, string> = { 优秀: 'gold', 良好: 'green', 一般: 'blue', 较差: 'red' };

export function GradeTag({ grade }: { grade: string }) {
  return (
    <Tag color={gradeColors[grade] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {grade}
    </Tag>
  );
}
