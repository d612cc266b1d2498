import { Link } from '../../app/router';
import { Avatar } from '../../components/avatar';

/** Everywhere a person is named: their avatar and username, linking to their profile (none for a deleted one). */
export function AuthorName({ name, id, avatar = true }: { name: string; id?: string | null; avatar?: boolean }) {
  if (!id) return <span className="author deleted">{name}</span>;
  return (
    <Link href={`/u/${encodeURIComponent(name)}`} className="author">
      {avatar && <Avatar name={name} size={24} />}
      {name}
    </Link>
  );
}
