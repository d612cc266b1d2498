import { useQuery } from '@tanstack/react-query';
import { profilesApi } from '../../api/profiles-api';
import { Link, useTitle } from '../../app/router';
import { Avatar } from '../../components/avatar';
import { ErrorMessage, formatDate, Loading, TimeAgo } from '../../components/status';

export function ProfilePage({ username }: { username: string }) {
  const profile = useQuery({ queryKey: ['profile', username.toLowerCase()], queryFn: () => profilesApi.get(username) });
  useTitle(profile.data?.username ?? username);
  if (profile.error) return <ErrorMessage error={profile.error} onRetry={() => void profile.refetch()} />;
  if (!profile.data) return <Loading what="Loading profile" />;
  const person = profile.data;
  return (
    <section className="profile" aria-labelledby="profile-name">
      <header className="profile-head card">
        <Avatar name={person.username} size={96} />
        <div>
          <h1 id="profile-name">{person.username}</h1>
          {person.displayName !== person.username && <p className="muted">{person.displayName}</p>}
          <p className="muted small">
            Joined {formatDate(person.joinedAt)} · {person.postCount} {person.postCount === 1 ? 'post' : 'posts'}
          </p>
        </div>
      </header>
      <h2>Recent posts</h2>
      {person.recentPosts.length === 0 && <p className="muted">Nothing you can read yet.</p>}
      <ol className="search-hits" aria-label="Recent posts">
        {person.recentPosts.map((post) => (
          <li key={post.postId} className="card">
            <Link href={`/t/${post.topicId}#post-${post.seq}`}>{post.topicTitle}</Link>
            <p>{post.excerpt}</p>
            <p className="muted small">
              #{post.seq} · <TimeAgo iso={post.createdAt} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
