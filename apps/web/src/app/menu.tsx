import {
  AuditOutlined,
  BellOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EyeOutlined,
  FileTextOutlined,
  FlagOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SmileOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@fazhi/core/platform/roles';
import type { ReactNode } from 'react';

export type MenuEntry = { path: string; label: string; icon: ReactNode; permission: Permission };

/** The left menu, in order; each entry shows only to users holding its permission. */
export const menuEntries: MenuEntry[] = [
  { path: '/workbench', label: '工作台', icon: <DashboardOutlined />, permission: 'plan.read' },
  { path: '/dashboard', label: '领导驾驶舱', icon: <FundProjectionScreenOutlined />, permission: 'dashboard.read' },
  { path: '/org', label: '组织机构', icon: <ClusterOutlined />, permission: 'org.read' },
  { path: '/plan', label: '目标任务', icon: <FlagOutlined />, permission: 'plan.read' },
  { path: '/ledgers', label: '业务台账', icon: <DatabaseOutlined />, permission: 'ledger.read' },
  { path: '/grassroots', label: '基层法治', icon: <HomeOutlined />, permission: 'grassroots.read' },
  { path: '/assessment', label: '考核评价', icon: <FormOutlined />, permission: 'assessment.read' },
  { path: '/consultation', label: '立法联系点', icon: <MessageOutlined />, permission: 'consultation.read' },
  { path: '/surveys', label: '满意度测评', icon: <SmileOutlined />, permission: 'consultation.read' },
  { path: '/oversight', label: '督察督办', icon: <EyeOutlined />, permission: 'oversight.read' },
  { path: '/cadres', label: '关键少数', icon: <SolutionOutlined />, permission: 'cadres.read' },
  { path: '/reports', label: '年度报告', icon: <FileTextOutlined />, permission: 'report.read' },
  { path: '/notifications', label: '消息提醒', icon: <BellOutlined />, permission: 'notification.read' },
  { path: '/push-channels', label: '消息推送', icon: <SendOutlined />, permission: 'plan.manage' },
  { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, permission: 'user.manage' },
  { path: '/admin/security', label: '安全管理', icon: <SafetyCertificateOutlined />, permission: 'security.manage' },
  { path: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit.read' },
];
