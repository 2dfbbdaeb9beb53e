import os
from parsons import Redshift, Table, VAN

van_source_code = 12345

van_client = VAN(db="EveryAction", api_key=os.environ["VAN_API_KEY_PASSWORD"])

query_results: Table = Redshift().query(
    "select vanid from organizing.volunteer_signups_needing_source_code"
)

for result in query_results:
    van_client.apply_person_code(result['vanid'], van_source_code)
    
print("Finished applying source codes.")
	
