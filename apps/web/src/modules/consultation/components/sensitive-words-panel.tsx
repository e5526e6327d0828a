import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { SENSITIVE_WORD_MAX_LENGTH } from '@fazhi/core/consultation/sensitive-words';
import { App, Button, Empty, Input, Modal, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';
import { consultationRoutes } from '../api/consultation-api.ts';

/**
 * The portal's sensitive-word list: an opinion containing a listed word waits in 待审核, and its card names the
 * word. The office adds, removes or imports words (a text file or pasted text, one word per line).
 */
export function SensitiveWordsPanel({ canManage }: { canManage: boolean }) {
  const { message } = App.useApp();
  const list = useContractQuery(consultationRoutes.sensitiveWords, {});
  const add = useContractMutation(consultationRoutes.addSensitiveWord, {
    toInput: (word: string) => ({ body: { word } }),
  });
  const remove = useContractMutation(consultationRoutes.deleteSensitiveWord, {
    toInput: (id: number) => ({ params: { id } }),
  });
  const importList = useContractMutation(consultationRoutes.importSensitiveWords, {
    toInput: (text: string) => ({ body: { text } }),
  });
  const [word, setWord] = useState('');
  const [importing, setImporting] = useState(false);
  const [text, setText] = useState('');
  const items = list.data?.items ?? [];

  const submitWord = () =>
    add.mutateAsync(word).then(
      () => {
        message.success(`已添加“${word.trim()}”`);
        setWord('');
      },
      (e) => message.error(errorMessage(e)),
    );
  const submitImport = () =>
    importList.mutateAsync(text).then(
      (r) => {
        message.success(`已导入${r.added}个敏感词${r.skipped ? `，${r.skipped}个已在词表中未重复添加` : ''}`);
        setImporting(false);
        setText('');
      },
      (e) => message.error(errorMessage(e)),
    );

  return (
    <div>
      <Typography.Paragraph type="secondary">
        群众在门户提交的意见（以及线下录入的意见）含有下列词语时，不直接公开，进入“待审核”，由工作人员审核；意见卡片上标明命中的敏感词。
      </Typography.Paragraph>
      {canManage ? (
        <Space style={{ marginBottom: 12 }} wrap>
          <Input
            placeholder="输入一个敏感词"
            value={word}
            maxLength={SENSITIVE_WORD_MAX_LENGTH}
            onChange={(e) => setWord(e.target.value)}
            onPressEnter={() => word.trim() && submitWord()}
            style={{ width: 220 }}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!word.trim()}
            loading={add.isPending}
            onClick={submitWord}
          >
            添加
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            导入词表
          </Button>
        </Space>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{
          emptyText: <Empty description="词表为空：门户提交的意见将不做敏感词审核，可添加或导入敏感词" />,
        }}
        columns={[
          { title: '敏感词', dataIndex: 'word' },
          {
            title: '添加时间',
            dataIndex: 'createdAt',
            width: 200,
            render: (v: string | Date) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
          },
          ...(canManage
            ? [
                {
                  title: '操作',
                  width: 100,
                  render: (_: unknown, r: { id: number; word: string }) => (
                    <Popconfirm
                      title={`删除敏感词“${r.word}”？`}
                      description="删除后，含该词的新意见不再进入待审核。"
                      okText="删除"
                      cancelText="取消"
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        remove.mutateAsync(r.id).then(
                          () => message.success('已删除'),
                          (e) => message.error(errorMessage(e)),
                        )
                      }
                    >
                      <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                        删除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        title="导入敏感词表"
        open={importing}
        okText="导入"
        cancelText="取消"
        confirmLoading={importList.isPending}
        okButtonProps={{ disabled: !text.trim() }}
        onOk={submitImport}
        onCancel={() => setImporting(false)}
      >
        <Typography.Paragraph type="secondary">
          每行一个词，一次最多500个；已在词表中的词自动跳过。可选择文本文件（.txt），或直接粘贴。
        </Typography.Paragraph>
        <Upload
          accept=".txt,text/plain"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(setText);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>选择文本文件</Button>
        </Upload>
        <Input.TextArea
          style={{ marginTop: 12 }}
          rows={10}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="每行一个敏感词"
        />
      </Modal>
    </div>
  );
}
