-- The last day a registered product's own subscription (its license) is valid, as the product reports it in its
-- heartbeats; null while it has said nothing. The notification module warns before it ends.
alter table products add column subscription_expires date;
