// The Hindi message table of roster-rules: every key of the English table
// (`englishMessages()`), in plain product Hindi, formal "आप".
//
// A client shows the engine's messages and hints in Hindi with
//
//   import hi from 'roster-rules/messages/hi.js';
//   engine.setMessages(hi);        // every Outcome, checkField and schema issue from now on
//   engine.setMessages(null);      // English again
//
// Shape: `{ [key]: { message, hint } }`, a key being a code (`extension_taken`) or a code and
// its variant (`schedule_invalid.expected_time`); each template a string or a list of
// alternatives, of which the engine uses the first whose `{param}` holes all have a value
// (so a hint names a person only when there is one). A `null` hint takes the hint of the
// code's own entry, as in English.
//
// The words of machine values are entries too, at the end: `@role.manager`,
// `@action.delete_users`, `@field.webLogin.loginId`, `@day.Mo` (hint `null`). The engine
// fills `{role}`, `{targetRole}`, `{actorRole}`, `{action}`, `{field}` and `{nextOpenDay}`
// with them, so the templates keep every hole English has. An action's word is the oblique
// infinitive with the postposition its object takes (`को डिलीट करने`, `का पासवर्ड सेट
// करने`), because every template that holds `{action}` reads "यूज़र {action} की अनुमति";
// a field's word is a noun that the templates follow with a postposition (`{field} में`,
// `{field} का`), so its gender never has to agree with a verb.
//
// pkg/test/messages-hi.test.mjs holds this file to the English table: the same keys, the same
// number of alternatives, the same `{param}` holes in each alternative, and no English words
// left.
//
// Words kept as Indian admin panels write them: एक्सटेंशन, प्रो लाइसेंस, वेब लॉगिन,
// डिपार्टमेंट, आईवीआर, ईमेल, मोबाइल नंबर, पासवर्ड, लॉगिन आईडी, शेड्यूल, यूज़र, रोल, प्लान;
// a character is "कैरेक्टर", a letter "अक्षर", a digit "अंक". Examples the admin types
// (`Mo-Fr 09:00-18:00; Sa 10:00-14:00`, `name@company.in`, `+91 98123 45678`,
// `Asia/Kolkata`, CSV column names, role values in a CSV) stay as they are.

/** @type {import('../index.d.ts').MessageTable} */
const hi = {
  bad_request: {
    message: ['अनुरोध {path} पर समझ में नहीं आया: {detail}।', 'अनुरोध समझ में नहीं आया: {detail}।'],
    hint: null,
  },
  required: { message: 'यह फ़ील्ड ज़रूरी है।', hint: null },

  // --- name -------------------------------------------------------------------------
  name_invalid: {
    message: 'नाम में ऐसा कैरेक्टर है जिसकी अनुमति नहीं है।',
    hint: 'सिर्फ़ अक्षर, स्पेस और विराम चिह्न इस्तेमाल करें; इमोजी नहीं।',
  },
  'name_invalid.too_long': {
    message: 'नाम 100 कैरेक्टर से लंबा है।',
    hint: 'इसे 100 या उससे कम कैरेक्टर का करें।',
  },
  'name_invalid.control_character': {
    message: 'नाम में एक छिपा हुआ कंट्रोल कैरेक्टर है।',
    hint: 'नाम पेस्ट करने के बजाय फिर से टाइप करें।',
  },
  'name_invalid.invisible_character': {
    message: 'नाम में एक न दिखने वाला फ़ॉर्मैटिंग कैरेक्टर है।',
    hint: 'नाम पेस्ट करने के बजाय फिर से टाइप करें।',
  },
  'name_invalid.emoji': { message: 'नाम में इमोजी है।', hint: null },
  'name_invalid.misplaced_joiner': {
    message: 'नाम में किसी शब्द के बाहर एक जोड़ने वाला कैरेक्टर है।',
    hint: 'नाम पेस्ट करने के बजाय फिर से टाइप करें।',
  },

  // --- email ------------------------------------------------------------------------
  email_invalid: {
    message: 'यह सही ईमेल पता नहीं है।',
    hint: 'name@company.in जैसा पता लिखें।',
  },
  'email_invalid.not_ascii': {
    message: 'ईमेल पते में ऐसा कैरेक्टर है जो ईमेल पते में नहीं हो सकता, जैसे é जैसा अक्षर या हिंदी अक्षर।',
    hint: null,
  },
  'email_invalid.too_long': { message: 'ईमेल पता 254 कैरेक्टर से लंबा है।', hint: null },
  'email_invalid.missing_at': { message: 'ईमेल पते में @ होना ज़रूरी है।', hint: null },
  'email_invalid.bad_local_part': {
    message: '@ से पहले का हिस्सा नहीं है, या उसमें ऐसा कैरेक्टर है जिसकी अनुमति नहीं है।',
    hint: null,
  },
  'email_invalid.local_part_too_long': { message: '@ से पहले का हिस्सा 64 कैरेक्टर से लंबा है।', hint: null },
  'email_invalid.bad_domain': { message: '@ के बाद का हिस्सा सही डोमेन नहीं है।', hint: null },
  'email_invalid.no_dot_in_domain': {
    message: '@ के बाद के डोमेन में डॉट (.) होना ज़रूरी है, जैसे company.in में।',
    hint: null,
  },
  email_taken: {
    message: ['{email} पहले से {heldByName} के नाम पर है।', '{email} इस फ़ाइल की लाइन {heldByRow} पर पहले से इस्तेमाल हुआ है।'],
    hint: [
      'कोई दूसरा पता लिखें, या पहले {heldByName} का ईमेल बदलें (जैसे name+old@company.in), ताकि यह पता इस यूज़र को मिल सके।',
      'इन दो लाइनों में से किसी एक पर दूसरा पता लिखें।',
    ],
  },
  email_taken_elsewhere: {
    message: '{email} किसी दूसरे वर्कस्पेस में पहले से इस्तेमाल हो रहा है।',
    hint: 'name+team@company.in जैसा दूसरा पता लिखें, या सपोर्ट से कहकर यह पता खाली करवाएँ।',
  },

  // --- mobile -----------------------------------------------------------------------
  mobile_invalid: {
    message: 'यह सही मोबाइल नंबर नहीं है।',
    hint: 'नंबर कंट्री कोड के साथ लिखें, जैसे +91 98123 45678।',
  },
  'mobile_invalid.empty': { message: 'मोबाइल नंबर लिखें।', hint: null },
  'mobile_invalid.bad_character': {
    message: 'मोबाइल नंबर में ऐसा कैरेक्टर है जो अंक नहीं है।',
    hint: 'अंक, स्पेस, डैश या ब्रैकेट ही लिखें, कंट्री कोड के साथ, जैसे +91 98123 45678।',
  },
  'mobile_invalid.not_a_number': { message: 'यह फ़ोन नंबर नहीं है।', hint: null },
  'mobile_invalid.too_short': { message: 'मोबाइल नंबर बहुत छोटा है।', hint: null },
  'mobile_invalid.too_long': { message: 'मोबाइल नंबर बहुत लंबा है।', hint: null },
  'mobile_invalid.bad_country_code': { message: 'कंट्री कोड 0 से शुरू नहीं हो सकता।', hint: null },
  'mobile_invalid.bad_indian_number': {
    message: 'भारतीय मोबाइल नंबर 10 अंकों का होता है और 6, 7, 8 या 9 से शुरू होता है।',
    hint: 'नंबर जाँचें, जैसे 98123 45678।',
  },
  'mobile_invalid.unknown_country': {
    message: 'नंबर के साथ उसका कंट्री कोड ज़रूरी है।',
    hint: 'नंबर + और कंट्री कोड से शुरू करें, जैसे +44 20 7946 0018।',
  },
  mobile_taken: {
    message: ['{mobile} पहले से {heldByName} का मोबाइल नंबर है।', '{mobile} इस फ़ाइल की लाइन {heldByRow} पर पहले से इस्तेमाल हुआ है।'],
    hint: 'हर यूज़र का अपना अलग मोबाइल नंबर होना चाहिए।',
  },
  alt_mobile_same: {
    message: 'वैकल्पिक नंबर और मोबाइल नंबर एक ही हैं।',
    hint: 'कोई अलग नंबर लिखें, या इसे खाली छोड़ दें।',
  },

  // --- extension --------------------------------------------------------------------
  extension_invalid: {
    message: '{extension} सही एक्सटेंशन नहीं है: सिर्फ़ अंक लिखें, शुरू में 0 के बिना।',
    hint: null,
  },
  extension_out_of_range: {
    message: 'एक्सटेंशन {extension} इस अकाउंट की रेंज ({from} से {to}) से बाहर है।',
    hint: '{from} से {to} तक का कोई नंबर चुनें।',
  },
  'extension_out_of_range.reserved': {
    message: 'एक्सटेंशन {extension} रिज़र्व है, इसे किसी यूज़र को नहीं दिया जा सकता।',
    hint: '{from} से {to} तक का कोई दूसरा नंबर चुनें।',
  },
  extension_taken: {
    message: [
      'एक्सटेंशन {extension} पहले से {heldByName} को दिया गया है।',
      'एक्सटेंशन {extension} इस फ़ाइल की लाइन {heldByRow} पर पहले से इस्तेमाल हुआ है।',
    ],
    hint: [
      'कोई खाली एक्सटेंशन चुनें, जैसे {suggestion}।',
      'इस अकाउंट के सभी एक्सटेंशन इस्तेमाल में हैं: पहले कोई एक्सटेंशन खाली करें।',
    ],
  },

  // --- role -------------------------------------------------------------------------
  // A role value that is not a role comes from a CSV file or an API call: the hint names
  // the values to type there, as they are typed.
  role_unknown: {
    message: '{role} कोई रोल नहीं है।',
    hint: 'owner, admin, manager या agent में से कोई एक चुनें।',
  },
  role_requires_pro: {
    message: '{role} रोल के लिए प्रो लाइसेंस ज़रूरी है।',
    hint: 'प्रो चालू करें, या एजेंट रोल चुनें।',
  },

  // --- schedule ---------------------------------------------------------------------
  schedule_invalid: {
    message: ['शेड्यूल “{near}” पर समझ में नहीं आया।', 'शेड्यूल समझ में नहीं आया।'],
    hint: 'दिन और घंटे लिखें और नियमों को ; से अलग करें, जैसे Mo-Fr 09:00-18:00; Sa 10:00-14:00, या हर समय के लिए 24/7।',
  },
  'schedule_invalid.empty': { message: 'शेड्यूल खाली है।', hint: null },
  'schedule_invalid.too_long': { message: 'शेड्यूल 1,024 कैरेक्टर से लंबा है।', hint: null },
  'schedule_invalid.expected_rule': {
    message: ['“{near}” पर Mo जैसा दिन या 09:00 जैसा समय होना चाहिए।', 'आख़िर में Mo जैसा दिन या 09:00 जैसा समय होना चाहिए।'],
    hint: null,
  },
  'schedule_invalid.expected_day': {
    message: ['“{near}” पर Mo, Mon या Monday जैसा दिन होना चाहिए।', 'आख़िर में Mo, Mon या Monday जैसा दिन होना चाहिए।'],
    hint: null,
  },
  'schedule_invalid.expected_time': {
    message: ['“{near}” पर 9am या 09:00 जैसा समय होना चाहिए।', 'आख़िर में 9am या 09:00 जैसा समय होना चाहिए।'],
    hint: 'घंटे 9am-6pm या 09:00-18:00 की तरह लिखें (9-6 समझ में नहीं आता), और नियमों को ; से अलग करें, जैसे Mo-Fr 09:00-18:00; Sa 10:00-14:00।',
  },
  'schedule_invalid.expected_dash': {
    message: [
      '“{near}” पर शुरू और ख़त्म होने के समय के बीच डैश (-) होना चाहिए।',
      'आख़िर में डैश (-) और ख़त्म होने का समय होना चाहिए।',
    ],
    hint: null,
  },
  'schedule_invalid.time_out_of_range': {
    message: '“{near}” पर लिखा समय सही नहीं है: स्लॉट 00:00 से 23:59 के बीच शुरू होता है और ज़्यादा से ज़्यादा 24:00 तक चलता है।',
    hint: null,
  },
  'schedule_invalid.unexpected_input': { message: 'शेड्यूल “{near}” पर समझ में नहीं आया।', hint: null },
  'schedule_invalid.rule_comma': {
    message: 'नियमों को ; से अलग करें, कॉमा से नहीं (“{near}” पर)।',
    hint: 'जैसे Mo-Fr 09:00-18:00; Sa 10:00-14:00।',
  },
  'schedule_invalid.time_specific_off': {
    message: 'off सिर्फ़ दिनों के बाद लिखा जा सकता है, समय के बाद नहीं (“{near}” पर)।',
    hint: 'इसके बजाय बंद रहने वाले घंटे छोड़ दें, जैसे Mo-Fr 09:00-13:00,14:00-18:00।',
  },
  'schedule_invalid.holiday': { message: 'शेड्यूल में सरकारी और स्कूल की छुट्टियाँ समर्थित नहीं हैं।', hint: null },
  'schedule_invalid.month': { message: 'शेड्यूल में महीने और तारीख़ें समर्थित नहीं हैं।', hint: null },
  'schedule_invalid.week': { message: 'शेड्यूल में हफ़्ते के नंबर समर्थित नहीं हैं।', hint: null },
  'schedule_invalid.solar_time': { message: 'शेड्यूल में सूर्योदय और सूर्यास्त समर्थित नहीं हैं।', hint: null },
  'schedule_invalid.fallback': { message: 'शेड्यूल में फ़ॉलबैक नियम (||) समर्थित नहीं हैं।', hint: null },
  'schedule_invalid.comment': { message: 'शेड्यूल में कमेंट समर्थित नहीं हैं।', hint: null },
  'schedule_invalid.unsupported': {
    message: ['शेड्यूल का यह हिस्सा समर्थित नहीं है: “{near}”।', 'यह शेड्यूल समर्थित नहीं है।'],
    hint: null,
  },
  schedule_overlap: {
    message: ['“{near}” पर दो टाइम स्लॉट ओवरलैप हो रहे हैं।', 'दो टाइम स्लॉट ओवरलैप हो रहे हैं।'],
    hint: 'एक दिन के स्लॉट अलग-अलग रखें, जैसे 09:00-13:00,14:00-18:00।',
  },
  schedule_never_open: {
    message: 'इस शेड्यूल में कोई भी समय खुला नहीं है, इसलिए यूज़र को कोई कॉल नहीं मिलेगी।',
    hint: '24/7 लिखें, या वे घंटे लिखें जब यूज़र कॉल लेते हैं।',
  },
  time_zone_invalid: {
    message: '{timeZone} कोई टाइम ज़ोन नहीं है।',
    hint: 'Asia/Kolkata जैसा नाम लिखें।',
  },

  // --- departments ------------------------------------------------------------------
  department_unknown: {
    message: 'इस अकाउंट में {department} नाम का कोई डिपार्टमेंट नहीं है।',
    hint: 'अकाउंट के डिपार्टमेंट में से कोई एक चुनें।',
  },
  no_department: {
    message: 'यूज़र किसी डिपार्टमेंट में नहीं है, इसलिए उसे आईवीआर कॉल नहीं मिलेंगी।',
    hint: 'कॉल रूट करने के लिए यूज़र को किसी डिपार्टमेंट में जोड़ें।',
  },

  // --- web login --------------------------------------------------------------------
  login_id_invalid: {
    message: 'लॉगिन आईडी में कम से कम {min} कैरेक्टर होने चाहिए: अक्षर, अंक, . _ - या @।',
    hint: null,
  },
  login_id_taken: {
    message: [
      'लॉगिन आईडी {loginId} पहले से {heldByName} के पास है।',
      'लॉगिन आईडी {loginId} इस फ़ाइल की लाइन {heldByRow} पर पहले से इस्तेमाल हुई है।',
    ],
    hint: 'हर वेब लॉगिन की अपनी अलग आईडी होनी चाहिए; आईडी में कोई अंक या सरनेम जोड़ें।',
  },
  ip_invalid: {
    message: '{ip} कोई आईपी पता या आईपी पतों की रेंज नहीं है।',
    hint: 'इसे 203.0.113.7 या 203.0.113.0/24 की तरह लिखें।',
  },
  password_weak: {
    message: 'पासवर्ड बहुत कमज़ोर है।',
    hint: '{min} से {max} कैरेक्टर का पासवर्ड रखें, जिसमें कम से कम एक अक्षर और एक अंक हो, और जिसमें लॉगिन आईडी या ईमेल का नाम वाला हिस्सा न हो।',
  },
  'password_weak.too_short': { message: 'पासवर्ड {min} कैरेक्टर से छोटा है।', hint: null },
  'password_weak.too_long': { message: 'पासवर्ड {max} कैरेक्टर से लंबा है।', hint: null },
  'password_weak.no_letter': { message: 'पासवर्ड में कम से कम एक अक्षर होना चाहिए।', hint: null },
  'password_weak.no_digit': { message: 'पासवर्ड में कम से कम एक अंक होना चाहिए।', hint: null },
  'password_weak.contains_identity': {
    message: 'पासवर्ड में लॉगिन आईडी या ईमेल का @ से पहले वाला हिस्सा नहीं होना चाहिए।',
    hint: null,
  },
  caller_id_unknown: {
    message: '{callerId} इस अकाउंट की कॉलर आईडी में से नहीं है।',
    hint: 'अकाउंट की कॉलर आईडी में से कोई एक चुनें।',
  },

  // --- users and permissions ---------------------------------------------------------
  user_unknown: {
    message: 'इस अकाउंट में यूज़र {id} मौजूद नहीं है।',
    hint: 'लिस्ट रिफ़्रेश करें: हो सकता है यूज़र डिलीट हो चुका हो।',
  },
  id_taken: { message: 'यूज़र आईडी {id} पहले से इस्तेमाल में है।', hint: null },
  'id_taken.retired': {
    message: 'यूज़र आईडी {id} एक हटाए गए यूज़र की थी; यूज़र आईडी दोबारा इस्तेमाल नहीं होतीं।',
    hint: 'आईडी खाली छोड़ दें, नई आईडी अपने-आप मिल जाएगी।',
  },
  // `{action}` is filled with an `@action` word below, which brings its own postposition:
  // "यूज़र को डिलीट करने", "यूज़र का पासवर्ड सेट करने".
  not_permitted: {
    message: 'आपको यूज़र {action} की अनुमति नहीं है।',
    hint: ['{askName} से कहें, वे यह कर सकते हैं।', 'इस अकाउंट के किसी ओनर या एडमिन से कहें।'],
  },
  'not_permitted.no_capability': {
    message: '{role} रोल में यूज़र {action} की अनुमति नहीं है।',
    hint: '{askName} से कहें, वे यह कर सकते हैं।',
  },
  'not_permitted.no_panel_access': {
    message: 'आपका यूज़र पैनल में साइन इन नहीं कर सकता (प्रो लाइसेंस नहीं है, या लॉगिन ब्लॉक है), इसलिए उसे यूज़र {action} की अनुमति नहीं है।',
    hint: '{askName} से कहें, वे यह कर सकते हैं।',
  },
  'not_permitted.higher_rank': {
    message: [
      '{targetName} का रोल {targetRole} है, जो आपके रोल से ऊपर है, इसलिए आपको इस यूज़र {action} की अनुमति नहीं है।',
      'इस यूज़र का रोल आपके रोल से ऊपर है, इसलिए आपको इस यूज़र {action} की अनुमति नहीं है।',
    ],
    hint: '{askName} से कहें, वे यह कर सकते हैं।',
  },
  'not_permitted.outside_departments': {
    message: [
      '{targetName} आपके डिपार्टमेंट ({departments}) में नहीं हैं, इसलिए आपको इस यूज़र {action} की अनुमति नहीं है: मैनेजर सिर्फ़ अपने डिपार्टमेंट के अंदर ही काम कर सकते हैं।',
      'मैनेजर सिर्फ़ अपने डिपार्टमेंट के अंदर ही काम कर सकते हैं: {departments}।',
      'मैनेजर सिर्फ़ अपने डिपार्टमेंट के अंदर ही काम कर सकते हैं, और आप किसी डिपार्टमेंट में नहीं हैं।',
    ],
    hint: '{askName} से कहें, वे यह कर सकते हैं।',
  },
  'not_permitted.actor_not_signed_in': {
    message: 'कोई भी बदलाव सिर्फ़ साइन इन किए हुए यूज़र के नाम से भेजा जा सकता है।',
    hint: 'इसे अपने ही यूज़र के नाम से भेजें, या उस यूज़र के रूप में साइन इन करें।',
  },
  'not_permitted.ids_given_by_host': {
    message: 'यूज़र आईडी सिस्टम देता है; नया यूज़र अपनी चुनी हुई आईडी के साथ नहीं जोड़ा जा सकता।',
    hint: 'आईडी खाली छोड़ दें, नई आईडी अपने-आप मिल जाएगी।',
  },
  'not_permitted.agents_only': {
    message: [
      'मैनेजर सिर्फ़ एजेंट जोड़ और बदल सकते हैं, अपने डिपार्टमेंट में: {departments}।',
      'मैनेजर सिर्फ़ एजेंट जोड़ और बदल सकते हैं, अपने डिपार्टमेंट में।',
    ],
    hint: 'दूसरे रोल जोड़ने या बदलने के लिए {askName} से कहें।',
  },
  'not_permitted.needs_own_department': {
    message: [
      'मैनेजर यूज़र को सिर्फ़ अपने डिपार्टमेंट में जोड़ सकते हैं: {departments} चुनें।',
      'मैनेजर यूज़र को सिर्फ़ अपने डिपार्टमेंट में जोड़ सकते हैं, और आप किसी डिपार्टमेंट में नहीं हैं।',
    ],
    hint: null,
  },
  role_escalation: {
    message: 'आपका रोल ({actorRole}) किसी को {role} रोल नहीं दे सकता, क्योंकि वह रोल उससे ऊपर है।',
    hint: '{askName} से कहें, वे यह कर सकते हैं।',
  },
  'role_escalation.manager': {
    message: [
      'मैनेजर सिर्फ़ एजेंट जोड़ और बदल सकते हैं, अपने डिपार्टमेंट में: {departments}।',
      'मैनेजर सिर्फ़ एजेंट जोड़ और बदल सकते हैं, अपने डिपार्टमेंट में।',
    ],
    hint: null,
  },
  self_action: {
    message: 'आप अपने ही यूज़र के साथ यह नहीं कर सकते।',
    hint: [
      '{askName} से यह करने के लिए कहें।',
      'अभी यहाँ कोई और यह नहीं कर सकता: पहले किसी दूसरे यूज़र को ऐसा ओनर या एडमिन बनाएँ जो यह कर सके, फिर उनसे कहें।',
    ],
  },
  'self_action.change_own_role': { message: 'आप अपना रोल ख़ुद नहीं बदल सकते।', hint: null },
  'self_action.deactivate_users': { message: 'आप अपने ही यूज़र को डीएक्टिवेट नहीं कर सकते।', hint: null },
  'self_action.reactivate_users': { message: 'आप अपने ही यूज़र को फिर से एक्टिवेट नहीं कर सकते।', hint: null },
  'self_action.delete_users': { message: 'आप अपने ही यूज़र को डिलीट नहीं कर सकते।', hint: null },
  'self_action.replace_users': { message: 'आप अपने ही यूज़र को रिप्लेस नहीं कर सकते।', hint: null },

  // --- plan and licences ------------------------------------------------------------
  plan_unknown: {
    message: '{plan} नाम का कोई प्लान नहीं है।',
    hint: 'अकाउंट का प्लान ठीक करवाने के लिए सपोर्ट से संपर्क करें।',
  },
  plan_user_limit: {
    message: 'आपके {plan} प्लान में {maxUsers} यूज़र हो सकते हैं; इससे {users} हो जाएँगे।',
    hint: ['{deactivatedName} को डिलीट करें, जो डीएक्टिवेट हैं, या प्लान अपग्रेड करें।', 'और यूज़र जोड़ने के लिए प्लान अपग्रेड करें।'],
  },
  pro_seat_limit: {
    message: 'सभी प्रो लाइसेंस इस्तेमाल में हैं ({proSeats} में से {used})।',
    hint: [
      '{inactiveProName} का प्रो बंद करें, जो इसे इस्तेमाल नहीं कर रहे, या और प्रो लाइसेंस ख़रीदें।',
      'और प्रो लाइसेंस ख़रीदें, या इस यूज़र को बिना प्रो के (सिर्फ़ कॉल के लिए) रखें।',
    ],
  },
  last_admin: {
    message: 'अकाउंट में कम से कम एक एक्टिव ओनर या एडमिन रहना ज़रूरी है।',
    hint: 'पहले किसी दूसरे यूज़र को ओनर या एडमिन बनाएँ, और उन्हें एक बार साइन इन करने दें।',
  },

  // --- fields that do not change here -----------------------------------------------
  mobile_immutable: {
    message: 'मौजूदा यूज़र का मोबाइल नंबर बदला नहीं जा सकता।',
    hint: 'इसके बजाय यूज़र को रिप्लेस करें: नए नंबर के साथ एक नया यूज़र जोड़ें, उसे वही रोल, एक्सटेंशन और डिपार्टमेंट दें, फिर पुराने यूज़र को डीएक्टिवेट करें।',
  },
  // `{field}` is filled with an `@field` word below; a postposition follows it, so the verb
  // never has to agree with the field's gender.
  immutable_field: { message: '{field} में बदलाव नहीं किया जा सकता।', hint: null },
  sso_managed: {
    message: '{field} का प्रबंधन आपका आइडेंटिटी प्रोवाइडर (SSO) करता है।',
    hint: 'इसे वहीं बदलें, फिर सिंक करें।',
  },

  // --- delete, reset, reachability ----------------------------------------------------
  user_in_routing: {
    message: '{name} {departments} डिपार्टमेंट में कॉल लेते हैं, इसलिए उन्हें डिलीट नहीं किया जा सकता।',
    hint: 'पहले {name} को इन डिपार्टमेंट से हटाएँ, या इसके बजाय डीएक्टिवेट करें।',
  },
  not_deactivated: {
    message: 'सिर्फ़ डीएक्टिवेट किए गए यूज़र ही डिलीट किए जा सकते हैं।',
    hint: 'पहले यूज़र को डीएक्टिवेट करें।',
  },
  reset_unregistered_email: {
    message: 'पासवर्ड रीसेट का अनुरोध यूज़र के रजिस्टर्ड ईमेल से, या किसी ओनर या एडमिन की ओर से ही आ सकता है।',
    hint: 'अनुरोध उसी ईमेल से भेजें, या किसी ओनर या एडमिन से कहें। अगर यूज़र के पास अब वह ईमेल नहीं है, तो सर्विस प्रोवाइडर के यहाँ अपने अकाउंट मैनेजर को पहचान का प्रमाण भेजें; वे ईमेल अपडेट कर देंगे।',
  },
  count_required: { message: 'कितने यूज़र जोड़ने हैं, यह बताएँ: 1 या उससे बड़ी कोई पूरी संख्या।', hint: null },
  deactivated: {
    message: 'यूज़र डीएक्टिवेट है, इसलिए उसे कॉल नहीं मिलतीं।',
    hint: 'कॉल फिर से रूट करने के लिए यूज़र को फिर से एक्टिवेट करें।',
  },
  outside_schedule: {
    message: 'यूज़र इस समय कॉल नहीं लेते।',
    hint: 'यूज़र {nextOpenDay} को {nextOpenTime} बजे से फिर कॉल लेंगे (यूज़र के समय के अनुसार)।',
  },

  // --- CSV import -------------------------------------------------------------------
  csv_invalid: {
    message: 'CSV फ़ाइल समझ में नहीं आई।',
    hint: 'हेडर name,email,mobile,extension,role,pro,schedule,departments होना चाहिए।',
  },
  'csv_invalid.bad_header': {
    message: 'पहली लाइन हेडर होनी चाहिए, जिसमें हर कॉलम जाना-पहचाना हो और एक ही बार आए।',
    hint: null,
  },
  'csv_invalid.missing_column': {
    message: 'हेडर में एक ज़रूरी कॉलम नहीं है: name, email, mobile और extension ज़रूरी हैं।',
    hint: null,
  },
  'csv_invalid.wrong_field_count': {
    message: 'इस लाइन में फ़ील्ड की गिनती हेडर से अलग है।',
    hint: 'जिस फ़ील्ड में कॉमा है, उसे कोट (") में रखें।',
  },
  'csv_invalid.unterminated_quote': {
    message: 'कोट में शुरू हुई एक फ़ील्ड का कोट बंद नहीं हुआ है।',
    hint: 'फ़ील्ड के आख़िर में कोट बंद करें।',
  },
  'csv_invalid.stray_quote': {
    message: 'किसी फ़ील्ड के बीच में कोट (") है।',
    hint: 'पूरी फ़ील्ड को कोट में रखें, और उसके अंदर के कोट को दो बार लिखें।',
  },
  'csv_invalid.empty': { message: 'फ़ाइल खाली है।', hint: null },
  too_many_items: {
    message: 'एक यूज़र के लिए यहाँ ज़्यादा से ज़्यादा {max} एंट्री हो सकती हैं।',
    hint: 'जिनकी अब ज़रूरत नहीं है, उन्हें हटा दें।',
  },
  too_many_rows: {
    message: 'फ़ाइल में {max} से ज़्यादा पंक्तियाँ हैं।',
    hint: 'इसे छोटी फ़ाइलों में बाँटें।',
  },
  value_invalid: { message: '{value} यहाँ सही वैल्यू नहीं है।', hint: null },
  too_many_violations: {
    message: '{omitted} और समस्याएँ यहाँ नहीं दिखाई गई हैं।',
    hint: 'पहले दिखाई गई समस्याएँ ठीक करें, फिर दोबारा जाँचें।',
  },

  // --- words of machine values -----------------------------------------------------
  // The engine writes a param that holds a role, an action, a field path or a day with
  // the first message of its entry here (hint always null).
  '@role.owner': { message: 'ओनर', hint: null },
  '@role.admin': { message: 'एडमिन', hint: null },
  '@role.manager': { message: 'मैनेजर', hint: null },
  '@role.agent': { message: 'एजेंट', hint: null },
  // Oblique infinitives with the postposition of their object: "यूज़र {action} की अनुमति".
  '@action.add_users': { message: 'को जोड़ने', hint: null },
  '@action.edit_users': { message: 'को एडिट करने', hint: null },
  '@action.reset_passwords': { message: 'का पासवर्ड सेट करने', hint: null },
  '@action.deactivate_users': { message: 'को डीएक्टिवेट करने', hint: null },
  '@action.reactivate_users': { message: 'को फिर से एक्टिवेट करने', hint: null },
  '@action.delete_users': { message: 'को डिलीट करने', hint: null },
  '@action.replace_users': { message: 'को रिप्लेस करने', hint: null },
  '@action.change_own_role': { message: 'का रोल बदलने', hint: null },
  '@action.view_reports': { message: 'की कॉल देखने', hint: null },
  // Fields are always followed by a postposition (`{field} में`), hence the oblique `के`.
  '@field.id': { message: 'यूज़र आईडी', hint: null },
  '@field.name': { message: 'नाम', hint: null },
  '@field.email': { message: 'ईमेल', hint: null },
  '@field.mobile': { message: 'मोबाइल नंबर', hint: null },
  '@field.altMobile': { message: 'वैकल्पिक मोबाइल नंबर', hint: null },
  '@field.extension': { message: 'एक्सटेंशन', hint: null },
  '@field.role': { message: 'रोल', hint: null },
  '@field.pro': { message: 'प्रो लाइसेंस', hint: null },
  '@field.status': { message: 'स्टेटस', hint: null },
  '@field.schedule': { message: 'शेड्यूल', hint: null },
  '@field.timeZone': { message: 'टाइम ज़ोन', hint: null },
  '@field.departments': { message: 'डिपार्टमेंट', hint: null },
  '@field.previousStatus': { message: 'डीएक्टिवेट होने से पहले के स्टेटस', hint: null },
  '@field.webLogin': { message: 'वेब लॉगिन', hint: null },
  '@field.webLogin.loginId': { message: 'लॉगिन आईडी', hint: null },
  '@field.webLogin.allowedIps': { message: 'अनुमति वाले आईपी पतों की लिस्ट', hint: null },
  '@field.webLogin.blocked': { message: 'लॉगिन ब्लॉक', hint: null },
  '@field.webLogin.password': { message: 'पासवर्ड', hint: null },
  '@field.allowedCallerIds': { message: 'कॉलर आईडी की लिस्ट', hint: null },
  '@field.reportUsers': { message: 'कॉल देखने के लिए चुने गए यूज़र की लिस्ट', hint: null },
  '@day.Mo': { message: 'सोमवार', hint: null },
  '@day.Tu': { message: 'मंगलवार', hint: null },
  '@day.We': { message: 'बुधवार', hint: null },
  '@day.Th': { message: 'गुरुवार', hint: null },
  '@day.Fr': { message: 'शुक्रवार', hint: null },
  '@day.Sa': { message: 'शनिवार', hint: null },
  '@day.Su': { message: 'रविवार', hint: null },
};

export default hi;
