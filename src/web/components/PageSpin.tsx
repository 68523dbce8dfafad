import { Flex, Spin } from 'antd';

export function PageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }} data-testid="page-spin">
      <Spin size="large" />
    </Flex>
  );
}
