import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import type { Forum } from '../forums/forum';
import { renderPostHtml } from '../infra/rendering/render-post';
import type { FindingsSummary, PublishDecision } from '../publishing/publish-decision';
import { HELD_REASON, PublishGateService } from '../publishing/publish-gate.service';
import { MentionResolver } from './mention-resolver';
import { extractMentions, extractQuotedSeqs } from './post-references';
import { PostRepository } from './post.repository';
import { searchTextOf } from './search-text';
import { UploadLifecycleService } from '../uploads/upload-lifecycle.service';

export interface CompositionInput {
  user: AuthUser;
  forum: Forum;
  /** Set for replies and edits: quotes are resolved within this topic. */
  topicId: string | null;
  /** Only for a topic's first post; it is public text too, so the gate reads it with the body. */
  title: string | null;
  body: string;
  acknowledgePersonalData?: string;
  /** New posts resolve mentions and quotes after the answer (follow-up work); edits resolve them here. */
  deferReferences?: boolean;
  /** The post being edited, whose uploads it may keep showing; null or absent for a new post. */
  postId?: string | null;
}

/** Everything a write path stores, decided before anything is stored. */
export interface ComposedPost {
  title: string | null;
  source: string;
  html: string;
  searchText: string;
  status: 'visible' | 'held';
  findings: FindingsSummary | null;
  masked: PublishDecision['masked'];
  heldReason: string | null;
  mentionedUserIds: string[];
  quotedPostIds: string[];
}

/** Titles cannot contain line breaks (DTO), so this separator splits the gate's text back unambiguously. */
export const TITLE_SEPARATOR = '\n\n';

/**
 * The single place where forum text meets the publish gate: topics, replies and edits all come through
 * compose(). The gate throws 403/422/428 itself; what it returns is rendered, sanitized and annotated here.
 * For a new topic, finding offsets count from the start of the title: the body starts at title.length + 2.
 */
@Injectable()
export class PostComposer {
  constructor(
    private readonly gate: PublishGateService,
    private readonly mentions: MentionResolver,
    private readonly posts: PostRepository,
    private readonly uploads: UploadLifecycleService,
  ) {}

  async compose(input: CompositionInput): Promise<ComposedPost> {
    const text = input.title === null ? input.body : `${input.title}${TITLE_SEPARATOR}${input.body}`;
    const decision = await this.gate.evaluate({
      user: input.user,
      area: {
        forumId: input.forum.id,
        piiPolicy: input.forum.piiPolicy,
        phoneRegion: input.forum.phoneRegion,
      },
      text,
      acknowledgePersonalData: input.acknowledgePersonalData,
    });
    const { title, body } = splitTitle(decision.text, input.title !== null);
    // An attachment whose personal data the author acknowledged under `review` holds the post carrying it.
    const uploads = await this.uploads.forComposition(input.user, input.forum.id, body, input.postId ?? null);
    const held = decision.action === 'hold' || uploads.held;
    return {
      title,
      source: body,
      html: renderPostHtml(body, input.forum.externalImages),
      searchText: searchTextOf(body, title),
      status: held ? 'held' : 'visible',
      findings: decision.findings.total > 0 ? decision.findings : null,
      masked: decision.masked,
      heldReason: held ? (decision.reason ?? HELD_REASON) : null,
      ...(input.deferReferences
        ? { mentionedUserIds: [], quotedPostIds: [] }
        : await this.resolveReferences(body, input.user.id, input.topicId)),
    };
  }

  /** Who is mentioned and which posts of the topic are quoted: ids, from the text. */
  async resolveReferences(body: string, authorId: string, topicId: string | null) {
    return {
      mentionedUserIds: await this.resolveMentions(body, authorId),
      quotedPostIds: topicId ? await this.resolveQuotes(body, topicId) : [],
    };
  }

  private async resolveMentions(body: string, authorId: string): Promise<string[]> {
    const ids = await this.mentions.resolve(extractMentions(body));
    return ids.filter((id) => id !== authorId);
  }

  private async resolveQuotes(body: string, topicId: string): Promise<string[]> {
    const seqs = extractQuotedSeqs(body);
    const quoted = await this.posts.findBySeqs(topicId, seqs);
    const bySeq = new Map(quoted.map((post) => [post.seq, post.id]));
    return seqs.flatMap((seq) => (bySeq.has(seq) ? [bySeq.get(seq) as string] : []));
  }
}

function splitTitle(text: string, hasTitle: boolean): { title: string | null; body: string } {
  if (!hasTitle) return { title: null, body: text };
  const at = text.indexOf(TITLE_SEPARATOR);
  return { title: text.slice(0, at).trim(), body: text.slice(at + TITLE_SEPARATOR.length) };
}
