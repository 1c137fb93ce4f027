import { Flex, Typography } from '@strapi/design-system';
import { Information, WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { labelOf, severityLabels } from './messages';
import type { Severity } from './types';

// Colour is a second signal only: the label says the severity, and the text stays dark on a
// light background (the theme's warning700 on warning100 would be under 4.5:1).
const styles: Record<Severity, { background: string; border: string; icon: string }> = {
  error: { background: 'danger100', border: 'danger200', icon: 'danger600' },
  warning: { background: 'warning100', border: 'warning200', icon: 'warning600' },
  info: { background: 'primary100', border: 'primary200', icon: 'primary600' },
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const intl = useIntl();
  const style = styles[severity] ?? styles.info;
  const Icon = severity === 'info' ? Information : WarningCircle;
  return (
    <Flex
      tag="span"
      display="inline-flex"
      gap={1}
      alignItems="center"
      background={style.background}
      borderColor={style.border}
      borderStyle="solid"
      borderWidth="1px"
      hasRadius
      paddingLeft={2}
      paddingRight={2}
      paddingTop={1}
      paddingBottom={1}
      shrink={0}
    >
      <Icon aria-hidden focusable={false} fill={style.icon} width="1.2rem" height="1.2rem" />
      <Typography
        variant="pi"
        fontWeight="bold"
        textColor="neutral800"
        style={{ whiteSpace: 'nowrap' }}
      >
        {labelOf(intl, severityLabels, severity)}
      </Typography>
    </Flex>
  );
}
