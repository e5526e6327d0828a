import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';

/**
 * The page and page size of a table the server pages (20 rows to start), and the table's pagination for a response
 * of `total` rows: 共 N 条, a size changer, and both kept in state. `setPage(1)` when a filter changes.
 */
export function useServerPaging() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (n) => `共 ${n} 条`,
    onChange: (p, s) => {
      setPage(p);
      setPageSize(s);
    },
  });
  return { page, pageSize, setPage, pagination };
}
