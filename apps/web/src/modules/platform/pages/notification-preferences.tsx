import {
  type NotificationKind,
  notificationSettingsContracts,
} from '@fazhi/core/notifications/notification-settings.contract';
import { App, Card, Flex, Switch, Typography } from 'antd';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';

const { myPreferences, savePreferences } = notificationSettingsContracts.routes;

/** The signed-in user's choice, per kind, of what appears in the bell (pushes to unit robots are the office's). */
export function NotificationPreferences() {
  const { message } = App.useApp();
  const { data, isFetching } = useContractQuery(myPreferences, {}, { select: (r) => r.items });
  const save = useContractMutation(savePreferences, {
    toInput: (item: { kind: NotificationKind; inApp: boolean }) => ({ body: { items: [item] } }),
    invalidate: ['/api/notifications/preferences'],
  });
  return (
    <Card title="提醒设置" size="small" loading={isFetching && !data} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        关闭的业务消息不再出现在消息提醒中；到期和逾期提醒始终发送。单位群机器人和短信推送由依法治区办配置。
      </Typography.Paragraph>
      <Flex wrap gap={16}>
        {(data ?? []).map((p) => (
          <Flex key={p.kind} gap={8} align="center" style={{ width: 220 }}>
            <Switch
              size="small"
              checked={p.inApp}
              aria-label={p.label}
              loading={save.isPending && save.variables?.kind === p.kind}
              onChange={(inApp) =>
                save.mutate(
                  { kind: p.kind, inApp },
                  {
                    onSuccess: () => message.success(inApp ? `已开启“${p.label}”` : `已关闭“${p.label}”`),
                    onError: (e) => message.error(e.message),
                  },
                )
              }
            />
            <span>{p.label}</span>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
