/* hs-review.h — selection criteria, assessments, the steering group's proposal and funding decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/domain.md §6. A call's applications are assessed against the
 * programme's selection criteria and the call's own: general criteria are
 * met or not (one unmet criterion blocks funding), content and refining
 * criteria are scored 0–5, horizontal ones 0–3. Several reviewers score
 * each application (each implementer's part where a criterion asks for it),
 * each score with a written justification. The city's steering group
 * proposes an order per call; the intermediary decides: granted EU + state
 * support per implementer, at most what was applied for. The approved
 * application is kept as a version; a decided project changes only by a
 * change application, decided again (a rejected one leaves the decision in
 * force).
 *
 * Everything here is plain data and pure functions; the store keeps one
 * HsReview per project and one HsProposal per call, each written whole by
 * one undoable action.
 */
#pragma once

#include <glib.h>
#include "hs-lang.h"
#include "hs-project.h"
#include "hs-reference.h"

G_BEGIN_DECLS

typedef enum
{
  HS_CRITERION_GENERAL,      /* "general"     yleinen: met (1) or not met (0) */
  HS_CRITERION_CONTENT,      /* "content"     sisällöllinen, per specific objective: 0–5 */
  HS_CRITERION_REFINING,     /* "refining"    tarkentava, set by the call: 0–5 */
  HS_CRITERION_HORIZONTAL,   /* "horizontal"  horisontaalinen: 0–3 */
  HS_N_CRITERION_KINDS
} HsCriterionKind;

const char *hs_criterion_kind_to_id   (HsCriterionKind kind);
int         hs_criterion_kind_from_id (const char *id);            /* -1: unknown */
const char *hs_criterion_kind_label   (HsCriterionKind kind);      /* translated */
/* The highest score of the kind: 1 for general (met), 5, 5, 3. */
int         hs_criterion_kind_max     (HsCriterionKind kind);

typedef struct
{
  gint64           id;              /* 0 until stored */
  gint64           call_id;         /* 0: the programme's, for every call */
  char            *key;             /* stable, unique per call: "general-eligible",
                                     * "horizontal-equality", "content-1.1-renewal" */
  HsCriterionKind  kind;
  char            *objective;       /* content criteria: the specific objective, "1.1"; else NULL */
  char            *name_fi;
  char            *name_sv;
  char            *name_en;
  guint            weight;          /* relative weight in percent; 100 = the usual */
  int              minimum;         /* the lowest acceptable score; -1: none */
  gboolean         per_implementer; /* scored for each implementer's part */
  guint            position;        /* order within its call */
} HsCriterion;

HsCriterion *hs_criterion_new  (const char *key, HsCriterionKind kind);
HsCriterion *hs_criterion_copy (const HsCriterion *criterion);
void         hs_criterion_free (HsCriterion *criterion);
/* Lossless snapshots (the call's own criteria are undoable user data). */
GVariant    *hs_criterion_to_variant   (const HsCriterion *criterion);
HsCriterion *hs_criterion_from_variant (GVariant *variant, GError **error);
/* Checks what people type: a key of letters, digits, "-", "." and "_"
 * (1–100), a name in some language, a weight 0–10000 %, a minimum within
 * the kind's scale; general criteria are not weighted. */
gboolean     hs_criterion_check        (const HsCriterion *criterion, GError **error);
/* Its name in @lang, else Finnish, else English, else the key. */
const char  *hs_criterion_name (const HsCriterion *criterion, HsLang lang);

/* One reviewer's score of one criterion. */
typedef struct
{
  char   *reviewer;
  gint64  criterion_id;
  gint64  organisation_id;   /* the implementer's part it scores; 0: the whole application */
  int     score;             /* 0..hs_criterion_kind_max (); general: 1 met, 0 not met */
  char   *justification;     /* never NULL */
  char   *written;           /* when, ISO 8601 UTC ("2026-12-03T14:00:00Z") */
  char   *actor;             /* who wrote it (the store's actor); may be NULL */
} HsScore;

typedef struct
{
  char *reviewer;
  char *text;
  char *written;             /* ISO 8601 UTC */
  char *actor;
} HsReviewComment;

typedef enum
{
  HS_DECISION_GRANT,         /* "grant"  myönteinen */
  HS_DECISION_REJECT,        /* "reject" kielteinen */
} HsDecisionKind;

/* What one implementer applied for and was granted. */
typedef struct
{
  gint64 organisation_id;
  gint64 applied;            /* EU + state support in the decided version, cents */
  gint64 granted;            /* cents, 0 ≤ granted ≤ applied */
} HsGrant;

typedef struct
{
  HsDecisionKind  kind;
  gboolean        change;         /* decides a change application, not the application */
  guint           version;        /* the version it decided (HsVersion.number) */
  char           *number;         /* the decision's number, "UUDELY/123/2025"; may be NULL */
  GDate           date;
  GDate           eligible_from;  /* the eligibility period (grants); may be invalid */
  GDate           eligible_until;
  char           *conditions;     /* may be NULL */
  char           *reason;         /* rejections; may be NULL */
  char           *decided_by;     /* the coordinating council's name; may be NULL */
  GArray         *grants;         /* of HsGrant, in the implementers' order (grants) */
  char           *recorded;       /* ISO 8601 UTC */
  char           *actor;
} HsDecision;

typedef enum
{
  HS_VERSION_APPLICATION,    /* "application"  the application as decided on */
  HS_VERSION_APPROVED,       /* "approved"     what a grant approved */
  HS_VERSION_CHANGE,         /* "change"       a change application, as decided on */
} HsVersionKind;

const char *hs_version_kind_to_id   (HsVersionKind kind);
int         hs_version_kind_from_id (const char *id);
const char *hs_version_kind_label   (HsVersionKind kind);   /* translated */

typedef struct
{
  guint          number;     /* 1, 2, … */
  HsVersionKind  kind;
  char          *made;       /* ISO 8601 UTC */
  HsProject     *project;    /* the whole project as it was */
} HsVersion;

/* Everything of one project's review. */
typedef struct
{
  gint64      project_id;
  GPtrArray  *scores;        /* HsScore* */
  GPtrArray  *comments;      /* HsReviewComment* */
  GPtrArray  *decisions;     /* HsDecision*, oldest first */
  GPtrArray  *versions;      /* HsVersion*, by number */
  /* An open change application: the project's current content is it. */
  gboolean    change_open;
  GDate       change_made;   /* when it was made */
  GDate       change_starts; /* when the change starts */
  char       *change_reason; /* what and why, may be NULL */
  /* Who decides (domain.md §6): the processing council selects, the
   * coordinating council makes the legal decision; NULL: the call's
   * intermediary, else the agreement's. */
  char       *processing_council;
  char       *coordinating_council;
} HsReview;

HsReview   *hs_review_new   (gint64 project_id);
HsReview   *hs_review_copy  (const HsReview *review);
void        hs_review_free  (HsReview *review);
gboolean    hs_review_equal (const HsReview *a, const HsReview *b);

/* Lossless snapshots, like hs_project_to_variant (). */
GVariant   *hs_review_to_variant   (const HsReview *review);
HsReview   *hs_review_from_variant (GVariant *variant, GError **error);

HsScore    *hs_score_copy           (const HsScore *score);
void        hs_score_free           (HsScore *score);
void        hs_review_comment_free  (HsReviewComment *comment);
HsDecision *hs_decision_new         (HsDecisionKind kind);
HsDecision *hs_decision_copy        (const HsDecision *decision);
/* The same decision: kind, what it decided, number, dates, texts, grants
 * (not when or by whom it was recorded). */
gboolean    hs_decision_equal       (const HsDecision *a, const HsDecision *b);
void        hs_decision_free        (HsDecision *decision);
void        hs_version_free         (HsVersion *version);

/* The decision in force: the last grant or rejection of the application,
 * or the last granted change after it; a rejected change leaves the one
 * before in force. NULL: not decided. */
const HsDecision *hs_review_decision_in_force (const HsReview *review);
/* The version that decision approved (kind approved), or NULL. */
const HsVersion  *hs_review_approved_version  (const HsReview *review);
/* A version by number, or NULL. */
const HsVersion  *hs_review_get_version       (const HsReview *review, guint number);
/* The sum of the grants of the decision in force (0 when none or rejected). */
gint64            hs_review_granted           (const HsReview *review);
/* The project as approved by the decision in force has content that differs
 * from @project in more than its status and history: a change application
 * is needed to save @project. */
gboolean          hs_review_locks             (const HsReview *review,
                                               const HsProject *project);

/* ---- what people do; each checks first and changes nothing on error
 * (HS_CORE_ERROR_INVALID, a message that names what was wrong) ---- */

/* Sets one reviewer's score of one criterion (replacing that reviewer's
 * earlier score of it for the same part). @score within the kind's scale;
 * a criterion per implementer needs @organisation_id of one of @project's
 * implementers, others 0. @now: ISO 8601 UTC. */
gboolean hs_review_set_score   (HsReview          *review,
                                const HsProject   *project,
                                const HsCriterion *criterion,
                                const char        *reviewer,
                                gint64             organisation_id,
                                int                score,
                                const char        *justification,
                                const char        *now,
                                const char        *actor,
                                HsLang             lang,
                                GError           **error);
gboolean hs_review_add_comment (HsReview   *review,
                                const char *reviewer,
                                const char *text,
                                const char *now,
                                const char *actor,
                                GError    **error);

/* Decides the application, or the open change application: @decision's
 * grants (one per implementer with EU + state support, granted ≤ applied;
 * an implementer left out is granted what it applied for, on a change what
 * the decision in force granted it, at most what it applies for now) or a
 * rejection.
 * The date not before the application was submitted (the project's history)
 * nor before the call opened, nor after the call's money is spent (its
 * close date plus the programme's end); a second decision of an undecided
 * application, or of a decided one without a change application, is
 * refused. On success the review has the decision and its versions, and
 * @project its new status with the decision's date (approved or rejected;
 * a rejected change puts back the approved content: @project becomes a
 * copy of the approved version with its current status and history). */
gboolean hs_review_decide      (HsReview          *review,
                                HsProject         *project,
                                const HsCall      *call,
                                HsDecision        *decision,   /* transfer full on success */
                                const char        *now,
                                const char        *actor,
                                HsLang             lang,
                                GError           **error);

/* Sets the grants of the implementers @decision does not name yet so that
 * all of them add up to @total: what is left after the named ones, shared
 * in proportion to what each applied for (rounded half away from zero, the
 * last takes the remainder). Refused when @total is less than the named
 * grants or more than everything applied for. */
gboolean hs_decision_set_total (HsDecision        *decision,
                                const HsProject   *project,
                                gint64             total,
                                HsLang             lang,
                                GError           **error);

/* Opens a change application on a decided project: @made (today) before
 * @starts, both within the decided implementation period (its end date);
 * refused when the project is undecided, rejected, or already has one. */
gboolean hs_review_open_change (HsReview          *review,
                                const HsProject   *project,
                                const GDate       *made,
                                const GDate       *starts,
                                const char        *reason,
                                HsLang             lang,
                                GError           **error);

/* ---- summaries ---- */

typedef struct
{
  gint64   project_id;
  guint    reviewers;            /* distinct reviewers who scored */
  guint    scored;               /* scores given */
  /* weighted score: Σ weight × mean score ÷ Σ weight × scale maximum over
   * the scored (non-general) criteria with at least one score, in basis
   * points (10000 = full marks); -1 when nothing is scored */
  gint32   score_bp;
  guint    general_unmet;        /* general criteria some reviewer found not met */
  guint    under_minimum;        /* scored criteria whose mean is under their minimum */
  guint    unscored;             /* criteria with no score yet (content criteria only of
                                  * the specific objectives some reviewer scored) */
  GPtrArray *notes;              /* char*: "Not met: …", "Under its minimum: …" (translated) */
} HsReviewSummary;

void     hs_review_summary_clear (HsReviewSummary *summary);
/* @criteria: those of the project's call (HsCriterion*). */
void     hs_review_summarise     (const HsReview    *review,
                                  GPtrArray         *criteria,
                                  HsLang             lang,
                                  HsReviewSummary   *out);
/* Ranks summaries in place: applications that meet every general criterion
 * and no minimum is failed first, by weighted score (highest first), then
 * the others, unscored last; ties by project id. */
void     hs_review_rank          (GArray            *summaries);   /* of HsReviewSummary */

/* ---- the steering group's proposal ---- */

typedef struct
{
  gint64  project_id;
  guint   position;     /* 1, 2, … in the order proposed; 0: not proposed */
  char   *reason;       /* why not (or a remark); may be NULL */
} HsProposalItem;

typedef struct
{
  gint64  call_id;
  GDate   meeting;      /* the steering group's meeting; may be invalid */
  GArray *items;        /* of HsProposalItem (clear func set): proposed ones in
                         * their order first, then the others */
} HsProposal;

HsProposal *hs_proposal_new          (gint64 call_id);
HsProposal *hs_proposal_copy         (const HsProposal *proposal);
void        hs_proposal_free         (HsProposal *proposal);
gboolean    hs_proposal_equal        (const HsProposal *a, const HsProposal *b);
GVariant   *hs_proposal_to_variant   (const HsProposal *proposal);
HsProposal *hs_proposal_from_variant (GVariant *variant, GError **error);
/* The position of a project (0: not proposed or not listed). */
guint       hs_proposal_position     (const HsProposal *proposal, gint64 project_id);

/* ---- a call's money ---- */

typedef struct
{
  gint64 available;     /* the call's EU + state money; -1: not known */
  gint64 applied;       /* EU + state applied for: submitted, under review, decided */
  gint64 proposed;      /* of the applications the steering group proposed */
  gint64 granted;       /* granted by the decisions in force */
  gint64 remaining;     /* available − granted; -1 when available is not known */
  guint  applications;
  guint  proposals;
  guint  grants;
  guint  rejections;
} HsCallMoney;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsCriterion, hs_criterion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsReview, hs_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsDecision, hs_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsProposal, hs_proposal_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HsReviewSummary, hs_review_summary_clear)

G_END_DECLS
