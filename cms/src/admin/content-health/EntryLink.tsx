import { Link } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';

/**
 * A link to an entry's edit view in the admin (`finding.editUrl`, admin-relative), in the
 * locale the finding is about. The title is the CMS's text, rendered as text.
 */
export function EntryLink({
  to,
  title,
  fallback,
}: {
  to: string;
  title: string;
  fallback: string;
}) {
  return (
    <Link tag={RouterLink} to={to}>
      {title.trim() || fallback}
    </Link>
  );
}
