import { ENV_IAM_ENDPOINT } from './args'

/** The help text of `bce-iam`. */
export const USAGE = `Usage: bce-iam <command> [options]

Keep a Baidu Cloud IAM account in the shape a document describes (users, groups, policies, roles).

Commands:
  export [--format yaml|json] [-o FILE]
                                     print the live account as a document (default yaml),
                                     or write it to FILE
  plan -f FILE [--prune] [--detailed-exitcode] [--json]
                                     show what apply would change (+ add, ~ change, - remove)
  apply -f FILE [--prune] [--yes] [--json]
                                     make the account match FILE; asks for confirmation on a
                                     terminal, refuses without one unless --yes;
                                     progress on standard error
  policy validate FILE [--json]      check a document (or one ACL policy document), every problem
                                     with its path
  policy simulate (-f FILE | --live) (--user NAME | --group NAME | --role NAME)
                  --permission P --resource R [--service S] [--region R] [--json]
                                     may the principal do P on R? Evaluated locally from FILE,
                                     or from the live account and its System policies (--live);
                                     service defaults to bce:iam, region to bj
  emulator [options]                 run the local emulator (same options as bce-iam-emulator)

Options of export, plan, apply and policy simulate --live:
  --endpoint URL            IAM endpoint (default: ${ENV_IAM_ENDPOINT}, else https://iam.bj.baidubce.com)
  --allow-insecure-http     accept a plain http:// endpoint (the local emulator)
  --prune                   also delete what the document does not mention
  --detailed-exitcode       plan: exit 2 when there are changes, 0 when there are none
  --yes, -y                 apply without asking
  --json                    machine output (a plan is an object with a "changes" array)
  -f, --file FILE           the document, JSON (.json) or YAML
  -o, --output FILE         export: write the document to FILE

Credentials: BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY (and BCE_SECURITY_TOKEN), else the profile
file ~/.bce/config.json (BCE_PROFILE).

Exit codes: 0 success, 1 failure, 2 plan --detailed-exitcode with changes.`
