-- The platform evaluation's 营商环境 indicators read the requests: raising one or changing its
-- state, deadline, closing day or rating moves the data version (escalation alone does not).
CREATE TRIGGER requests_data_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF state, due_on, closed_on, rating, received_on, platform_id ON requests FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
