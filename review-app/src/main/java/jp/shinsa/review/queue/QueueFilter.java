package jp.shinsa.review.queue;

/** What the queue shows: free text over name and applicant, a status, flagged only, a program. Nulls mean any. */
public record QueueFilter(String text, String status, boolean flaggedOnly, String program, String assignee) {
    public static final QueueFilter ALL = new QueueFilter(null, null, false, null, null);
}
